/** Every access token of a realm carries it, so an API bound to a realm without audiences accepts the realm's tokens. */
export const REALM_DEFAULT_AUDIENCE = "portcullis";
