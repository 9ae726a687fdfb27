//! The emulator's in-memory endpoints as asyncord's seams: a
//! [`RestEndpoint`] is a REST [`Transport`], a [`GatewayEndpoint`] a gateway [`Connector`]
//! (no socket, no clock use: paused-clock tests connect through them).

use bytes::Bytes;

use asyncord_testkit::gateway::GatewayEndpoint;
use asyncord_testkit::rest::RestEndpoint;

use crate::gateway::{BoxedStream, ConnectFuture, Connector, GatewayAddress};
use crate::http::{BoxError, BoxFuture, Transport};

impl Transport for RestEndpoint {
    fn send(
        &self,
        request: ::http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<::http::Response<Bytes>, BoxError>> {
        Box::pin(async move { Ok(self.handle(request).await) })
    }
}

impl Connector for GatewayEndpoint {
    /// Opens an in-memory connection, whatever `url` says (the emulator serves one gateway).
    fn connect<'a>(&'a self, _url: &'a GatewayAddress) -> ConnectFuture<'a> {
        Box::pin(async move { Ok(Box::new(GatewayEndpoint::connect(self)) as BoxedStream) })
    }
}
