// The article view: the text with what kroniek found marked (entities,
// dates, figures, quotes, debris), and one report's span highlighted. Spans
// are byte offsets; spans.js turns them into string positions.
import { h } from './dom.js';
import { toUtf16, utf16Offsets } from './spans.js';

const KINDS = [
  ['debris', (a) => a.cleaned],
  ['entity', (a) => a.entities],
  ['time', (a) => a.times],
  ['quote', (a) => a.quotes],
  ['figure', (a) => a.events.flatMap((e) => e.figures)],
];

export function renderArticle(container, data, target, onBack) {
  const text = data.record.text;
  const offsets = utf16Offsets(text);
  const marks = [];
  for (const [kind, of] of KINDS)
    for (const item of of(data.analysis ?? { events: [] }) || []) {
      const at = item.span && toUtf16(offsets, item.span);
      if (at && at[1] > at[0]) marks.push({ kind, at, title: item.name || item.value || item.kind || kind });
    }
  const goal = target ? toUtf16(offsets, target) : null;
  // Cut the text at every mark boundary; each piece carries the marks over it.
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(m.at[0]); cuts.add(m.at[1]); }
  if (goal) { cuts.add(goal[0]); cuts.add(goal[1]); }
  const bounds = [...cuts].sort((a, b) => a - b);
  const body = h('div', { class: 'text' });
  let holder = body;
  let highlight = null;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [b, e] = [bounds[i], bounds[i + 1]];
    if (goal && b === goal[0]) {
      highlight = h('mark', { class: 'target', id: 'target', tabindex: '-1' });
      body.append(highlight);
      holder = highlight;
    }
    const over = marks.filter((m) => m.at[0] <= b && e <= m.at[1]);
    const piece = text.slice(b, e);
    holder.append(over.length ? h('span', { class: over.map((m) => `m-${m.kind}`).join(' '), title: over.map((m) => `${m.kind}: ${m.title}`).join('\n') }, piece) : piece);
    if (goal && e === goal[1]) holder = body;
  }
  const r = data.record;
  container.replaceChildren(h('article', { class: 'article-view' },
    h('button', { type: 'button', class: 'link', onclick: onBack }, '← back to the event'),
    h('h2', {}, r.title || r.id),
    h('p', { class: 'meta' }, `${r.source || 'outlet unknown'} · ${r.published || 'undated'}`, /^https?:\/\//i.test(r.url || '') ? [' · ', h('a', { href: r.url, rel: 'noopener noreferrer' }, 'original')] : ''),
    h('p', { class: 'legend' }, 'Marked: ', KINDS.map(([k]) => h('span', { class: `m-${k}` }, k)).flatMap((x) => [x, ' '])),
    body));
  if (highlight) {
    highlight.scrollIntoView({ block: 'center' });
    highlight.focus({ preventScroll: true });
  }
}
