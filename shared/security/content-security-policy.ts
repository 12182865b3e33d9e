/**
 * The one Content-Security-Policy of the renderer, sent as a header by the Electron
 * `app://` protocol and by the browser-mode bridge: no inline script, nothing from
 * elsewhere. Inline styles are allowed because Mantine sets CSS variables in style props.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";
