// Direct API calls for journey set-up (finding ids), never for the steps a user takes.
export async function apiLogin(baseURL: string, phone: string, password = 'demo123456'): Promise<string> {
  const res = await fetch(`${baseURL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password }),
  });
  if (!res.ok) throw new Error(`login ${phone}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

export async function apiGet<T>(baseURL: string, token: string, path: string): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function apiPost<T>(baseURL: string, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${baseURL}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Uploads PNG files (multipart field `file`) as `token`; returns the stored attachments. */
export async function apiUploadPngs(baseURL: string, token: string, path: string, files: { name: string; data: Buffer }[]): Promise<{ id: string }[]> {
  const form = new FormData();
  for (const f of files) form.append('file', new Blob([new Uint8Array(f.data)], { type: 'image/png' }), f.name);
  const res = await fetch(`${baseURL}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { items: { id: string }[] }).items;
}

/**
 * Console problems that are not expected. The browser logs every 4xx response (the 401 of /api/me before
 * sign-in, the 404 or 400 a journey provokes on purpose); those are answers the UI handles. 5xx, uncaught
 * exceptions and React/antd errors still count.
 */
export function unexpected(problems: string[]): string[] {
  return problems.filter((p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p));
}
