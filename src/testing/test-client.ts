import { DEMO_PASSWORD } from './test-server';

export type ApiResponse<T = Record<string, unknown>> = { status: number; body: T; headers: Headers };

/** A browser-like API client: keeps the session cookie and sends the CSRF token. */
export class TestClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    extraHeaders: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...extraHeaders };
    if (body !== undefined) headers['content-type'] ??= 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const pair = setCookie.split(';')[0] ?? '';
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (HTML pages, assets)
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = Record<string, unknown>>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = Record<string, unknown>>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  patch<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<T>('PATCH', path, body);
  }
  put<T = Record<string, unknown>>(path: string, body: unknown) {
    return this.request<T>('PUT', path, body);
  }
  delete<T = Record<string, unknown>>(path: string) {
    return this.request<T>('DELETE', path);
  }

  async login(loginId: string, password = DEMO_PASSWORD): Promise<ApiResponse> {
    const response = await this.post('/api/auth/login', { loginId, password });
    if (response.status === 200) this.csrfToken = String(response.body.csrfToken);
    return response;
  }
}

export async function loggedIn(baseUrl: string, loginId: string, password?: string): Promise<TestClient> {
  const client = new TestClient(baseUrl);
  const response = await client.login(loginId, password);
  if (response.status !== 200)
    throw new Error(`login as ${loginId} failed: ${JSON.stringify(response.body)}`);
  return client;
}
