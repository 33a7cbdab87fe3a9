/** Shared by the credential and the transport. */
export const CREDENTIAL_NAME = 'xobitoApi';
export const DEFAULT_BASE_URL = 'https://dash.xobito.com';
