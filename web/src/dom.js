// Elements built from text, never from markup: h('p', {class: 'x', onclick: f}, 'text', child…).
export const h = (tag, attrs = {}, ...children) => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : String(c));
  return el;
};

// An event's date as text: what its reports give, else the days they allow together.
export const dateText = (d) => {
  if (d && d.value) return d.precision ? `${d.value} (${d.precision})` : d.value;
  if (d && d.from && d.to) return d.from === d.to ? `${d.from} (inferred)` : `${d.from} – ${d.to} (inferred)`;
  return 'date unknown';
};
