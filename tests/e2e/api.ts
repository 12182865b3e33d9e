/**
 * The bridge's HTTP API as the e2e helpers use it outside a page: POST /__invoke with the
 * bridge header; the bridge answers the first call with an HttpOnly session cookie, which
 * every later call of the same session carries.
 */
export class BridgeSession {
  private cookie: string | null = null;

  constructor(private readonly baseUrl: string) {}

  async invoke<T = unknown>(name: string, input: unknown = {}): Promise<T> {
    const response = await fetch(new URL('__invoke', this.baseUrl), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-registry-bridge': '1',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ name, input }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const result = (await response.json()) as
      { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
    if (!result.ok) {
      throw new Error(`${name} was refused: ${result.error.code}: ${result.error.message}`);
    }
    return result.value;
  }

  /** A file the bridge presented to this session (a printout), as bytes. */
  async download(url: string): Promise<Buffer> {
    const response = await fetch(new URL(url, this.baseUrl), {
      headers: this.cookie ? { cookie: this.cookie } : {},
    });
    if (!response.ok) throw new Error(`${url} answered ${response.status}.`);
    return Buffer.from(await response.arrayBuffer());
  }
}
