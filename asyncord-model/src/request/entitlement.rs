//! The body of Create Test Entitlement.
//! <https://discord.com/developers/docs/resources/entitlement#create-test-entitlement>

use serde::{Deserialize, Serialize};

use super::files::RequestBody;
use super::validate::{Validate, ValidationError};
use crate::{SkuId, Snowflake};

/// The body of Create Test Entitlement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateTestEntitlement {
    /// The SKU to grant.
    pub sku_id: SkuId,
    /// The guild or user that receives it (as `owner_type` says).
    pub owner_id: Snowflake,
    /// 1 guild, 2 user.
    pub owner_type: u8,
}

impl Validate for CreateTestEntitlement {
    fn validate(&self) -> Result<(), ValidationError> {
        Ok(())
    }
}

impl RequestBody for CreateTestEntitlement {}
