// The JSON API of `kroniek serve` (its contract: /api/openapi.json).
export const session = {
  get token() { return sessionStorage.getItem('kroniek-token') || ''; },
  set token(t) { sessionStorage.setItem('kroniek-token', t); },
  get who() { return sessionStorage.getItem('kroniek-who') || ''; },
  set who(w) { sessionStorage.setItem('kroniek-who', w); },
};

export async function get(path) {
  const r = await fetch(path);
  const body = await r.json();
  return { status: r.status, body };
}

// A write with the token; the answer's error is thrown with its reason.
export async function post(path, body, type = 'application/json') {
  const r = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': type, Authorization: `Bearer ${session.token}` },
    body: type === 'application/json' ? JSON.stringify(body) : body,
  });
  const answer = await r.json();
  if (!r.ok) throw new Error(answer.error || `HTTP ${r.status}`);
  return answer;
}

// Every event matching the filters, a page at a time (at most `cap`).
export async function allEvents(filters, cap = 5000) {
  const out = [];
  let offset = 0;
  while (offset !== null && out.length < cap) {
    const q = new URLSearchParams({ ...filters, limit: 1000, offset });
    const { status, body } = await get(`/api/events?${q}`);
    if (status !== 200) throw new Error(body.error);
    out.push(...body.events.map((r) => r.event));
    offset = body.next_offset;
  }
  return out;
}
