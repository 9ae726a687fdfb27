// Every kind of id has its own type: a guild id where a channel id is expected does not compile.
use asyncord::model::GuildId;
use asyncord::rest::RestClient;

#[allow(dead_code)]
async fn fetch(client: &RestClient, guild: GuildId) {
    let _ = client.channels.get(guild).await;
}

fn main() {}
