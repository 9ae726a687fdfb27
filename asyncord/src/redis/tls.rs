//! [`RedisTls`]: what a `rediss://` link needs beyond the defaults — the certificate of a private
//! authority that signed the server's, and a client certificate for a server that asks for one
//! ([Redis TLS](https://redis.io/docs/latest/operate/oss_and_stack/management/security/encryption/)).
//!
//! Every certificate and key is checked when the link is made, so a file that is not PEM is an
//! error at start rather than a failed handshake later. The key is never shown (`Debug` says
//! whether there is one).

use std::fmt;

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};

use super::error::RedisError;

/// TLS settings of a `rediss://` link beyond the defaults (the public roots, as the REST
/// client's; no client certificate).
#[derive(Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedisTls {
    /// The certificate (PEM) of the authority that signed the server's (a managed Redis's own
    /// CA, a self-signed server), checked against instead of the public roots.
    pub root_certificate: Option<Vec<u8>>,
    /// A client certificate and its private key (both PEM), for a server that asks clients for
    /// one (`tls-auth-clients yes`).
    pub client_certificate: Option<(Vec<u8>, Vec<u8>)>,
}

impl fmt::Debug for RedisTls {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RedisTls")
            .field("root_certificate", &self.root_certificate.is_some())
            .field("client_certificate", &self.client_certificate.is_some())
            .finish()
    }
}

impl RedisTls {
    /// The defaults: the public roots, no client certificate.
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks the server's certificate against this authority's (PEM).
    pub fn root_certificate(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.root_certificate = Some(pem.into());
        self
    }

    /// Presents this client certificate, with its private key (both PEM).
    pub fn client_certificate(
        mut self,
        certificate: impl Into<Vec<u8>>,
        key: impl Into<Vec<u8>>,
    ) -> Self {
        self.client_certificate = Some((certificate.into(), key.into()));
        self
    }

    /// Whether anything differs from the defaults.
    pub(crate) fn is_default(&self) -> bool {
        *self == Self::default()
    }

    /// The driver's form, after checking that every part is PEM of the right kind.
    pub(crate) fn certificates(&self) -> Result<redis::TlsCertificates, RedisError> {
        if let Some(root) = &self.root_certificate {
            check_certificates(root, "the root certificate")?;
        }
        let client_tls = match &self.client_certificate {
            Some((certificate, key)) => {
                check_certificates(certificate, "the client certificate")?;
                PrivateKeyDer::from_pem_slice(key).map_err(|e| RedisError::InvalidUrl {
                    reason: format!("the client key is not a PEM private key: {e}"),
                })?;
                Some(redis::ClientTlsConfig {
                    client_cert: certificate.clone(),
                    client_key: key.clone(),
                })
            }
            None => None,
        };
        Ok(redis::TlsCertificates {
            client_tls,
            root_cert: self.root_certificate.clone(),
        })
    }
}

/// At least one certificate, all of them valid PEM.
fn check_certificates(pem: &[u8], what: &str) -> Result<(), RedisError> {
    let parsed: Result<Vec<CertificateDer<'_>>, _> = CertificateDer::pem_slice_iter(pem).collect();
    match parsed {
        Ok(found) if !found.is_empty() => Ok(()),
        Ok(_) => Err(RedisError::InvalidUrl {
            reason: format!("{what} holds no PEM certificate"),
        }),
        Err(e) => Err(RedisError::InvalidUrl {
            reason: format!("{what} is not valid PEM: {e}"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_that_are_not_pem_are_refused_and_the_key_is_never_shown() {
        let key = b"-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----\n";
        let tls = RedisTls::new().client_certificate(b"not a certificate".to_vec(), key.to_vec());
        let shown = format!("{tls:?}");
        assert!(!shown.contains("c2VjcmV0") && shown.contains("client_certificate: true"));
        let refused = tls.certificates().map(|_| ()).unwrap_err().to_string();
        assert!(
            refused.contains("the client certificate holds no PEM certificate"),
            "{refused}"
        );
        let refused = RedisTls::new()
            .root_certificate(
                b"-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n".to_vec(),
            )
            .certificates()
            .map(|_| ())
            .unwrap_err()
            .to_string();
        assert!(
            refused.contains("the root certificate is not valid PEM"),
            "{refused}"
        );
        assert!(RedisTls::new().is_default());
        assert!(RedisTls::new().certificates().is_ok());
    }
}
