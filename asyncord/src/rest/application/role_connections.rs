//! An application's role connection metadata records.
//! <https://discord.com/developers/docs/resources/application-role-connection-metadata>

use asyncord_model::ApplicationId;
use asyncord_model::application::RoleConnectionMetadata;
use asyncord_model::route;

use super::ApplicationsResource;
use crate::http::RestResult;
use crate::rest::checks;

impl ApplicationsResource {
    /// `GET /applications/{id}/role-connections/metadata`.
    pub async fn role_connection_metadata(
        &self,
        application_id: impl Into<ApplicationId>,
    ) -> RestResult<Vec<RoleConnectionMetadata>> {
        let a = application_id.into();
        let request = self.rest.req(
            &route::GET_APPLICATION_ROLE_CONNECTION_METADATA_RECORDS,
            [&a],
        );
        self.rest.call(request).await
    }

    /// `PUT /applications/{id}/role-connections/metadata` (≤ 5 records).
    pub async fn set_role_connection_metadata(
        &self,
        application_id: impl Into<ApplicationId>,
        records: &[RoleConnectionMetadata],
    ) -> RestResult<Vec<RoleConnectionMetadata>> {
        if records.len() > 5 {
            return Err(checks::out_of_range(
                "records",
                0,
                5,
                i64::try_from(records.len()).unwrap_or(i64::MAX),
            )
            .into());
        }
        let a = application_id.into();
        let request = self.rest.req(
            &route::UPDATE_APPLICATION_ROLE_CONNECTION_METADATA_RECORDS,
            [&a],
        );
        self.rest.send_json(request, records).await
    }
}
