//! The body of Action Guild Join Request: approve or reject an applicant of a guild with
//! member verification.

use serde::{Deserialize, Serialize};

use crate::request::files::RequestBody;
use crate::request::validate::{Path, Validate, ValidationError, check};
use crate::str_enum;

str_enum! {
    /// The decision on a membership join request.
    pub enum JoinRequestAction {
        /// Let the applicant in.
        Approved = "APPROVED",
        /// Turn the applicant away.
        Rejected = "REJECTED",
    }
}

/// The body of Action Guild Join Request (`PATCH /guilds/{id}/requests/{request_id}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionJoinRequest {
    /// Approve or reject.
    pub action: JoinRequestAction,
    /// Why it was rejected (rejections only; max 160 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection_reason: Option<String>,
}

impl ActionJoinRequest {
    /// Approves the request.
    pub fn approve() -> Self {
        Self {
            action: JoinRequestAction::Approved,
            rejection_reason: None,
        }
    }

    /// Rejects the request, optionally saying why (max 160 characters).
    pub fn reject(reason: Option<String>) -> Self {
        Self {
            action: JoinRequestAction::Rejected,
            rejection_reason: reason,
        }
    }
}

impl Validate for ActionJoinRequest {
    fn validate(&self) -> Result<(), ValidationError> {
        let path = Path::ROOT.field("rejection_reason");
        if self.rejection_reason.is_some() && self.action != JoinRequestAction::Rejected {
            return Err(path.invalid("only rejections carry a reason"));
        }
        check::opt_chars(&path, self.rejection_reason.as_deref(), 0, 160)
    }
}

impl RequestBody for ActionJoinRequest {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_request_reason_limit() {
        assert_eq!(
            serde_json::to_string(&ActionJoinRequest::approve()).unwrap(),
            r#"{"action":"APPROVED"}"#
        );
        assert!(
            ActionJoinRequest::reject(Some("r".repeat(160)))
                .validate()
                .is_ok()
        );
        let err = ActionJoinRequest::reject(Some("r".repeat(161)))
            .validate()
            .unwrap_err();
        assert_eq!(err.path, "rejection_reason");
        let mut approve = ActionJoinRequest::approve();
        approve.rejection_reason = Some("no".into());
        assert!(approve.validate().is_err());
    }
}
