// The event card: what, when, where, who; every figure with its verdict, its
// best value and the reports side by side; a toll's history as a step chart;
// links to related events and to the sentence each report comes from; and,
// with a token, corrections (merge, split, reject a figure).
/* global d3 */
import { dateText, h } from './dom.js';

const QUALIFIERS = { at_least: 'at least', at_most: 'at most', about: 'about', more_than: 'more than', up_to: 'up to', possibly: 'possibly' };

export function valueText(v) {
  if (!v) return '?';
  const n = v.value !== null && v.value !== undefined ? v.value : v.low !== undefined ? `${v.low}–${v.high}` : '?';
  return `${QUALIFIERS[v.qualifier] ? `${QUALIFIERS[v.qualifier]} ` : ''}${n}`;
}

function stepChart(history) {
  const points = history.filter((r) => r.published && typeof r.value === 'number')
    .map((r) => ({ date: new Date(`${r.published.length === 10 ? r.published : `${r.published}-01`.slice(0, 10)}T00:00:00Z`), value: r.value }));
  if (points.length < 2) return null;
  const width = 220; const height = 64;
  const x = d3.scaleUtc().domain(d3.extent(points, (p) => p.date)).range([6, width - 6]);
  const y = d3.scaleLinear().domain([0, d3.max(points, (p) => p.value)]).nice().range([height - 14, 4]);
  const svg = d3.create('svg').attr('width', width).attr('height', height).attr('class', 'steps')
    .attr('role', 'img').attr('aria-label', `history: ${points.map((p) => p.value).join(' → ')}`);
  svg.append('path').attr('d', d3.line().curve(d3.curveStepAfter).x((p) => x(p.date)).y((p) => y(p.value))(points));
  svg.selectAll('circle').data(points).join('circle').attr('cx', (p) => x(p.date)).attr('cy', (p) => y(p.value)).attr('r', 2.5);
  svg.append('text').attr('x', width - 4).attr('y', height - 2).attr('text-anchor', 'end').text(d3.max(points, (p) => p.value));
  return svg.node();
}

export function renderCard(container, detail, ctx) {
  container.replaceChildren();
  if (detail.gone) {
    const into = detail.detail && detail.detail.into;
    container.append(h('p', { class: 'gone' }, `${detail.id} was ${detail.gone}`,
      into ? [' into ', h('button', { type: 'button', class: 'link', onclick: () => ctx.onSelect(into) }, into)] : ''));
    return;
  }
  const ev = detail.event;
  const outlets = new Map(detail.articles.map((a) => [a.id, a]));
  const where = ev.location && ev.location.name ? `${ev.location.name}${ev.location.site ? ` (${ev.location.site})` : ''}` : 'place unknown';
  container.append(
    h('article', { class: 'card', 'data-id': ev.id },
      h('h2', {}, h('span', { class: 'swatch', style: `background:${ctx.colour(ev.type)}` }), `${ev.type.replaceAll('_', ' ')} `,
        h('small', {}, ev.id)),
      h('p', { class: 'when' }, `${dateText(ev.date)} · ${where}`,
        ev.status && ev.status !== 'occurred' ? h('span', { class: 'status' }, ` [${ev.status}]`) : ''),
      ev.actors.length ? h('ul', { class: 'actors', 'aria-label': 'Actors' },
        ev.actors.map((a) => h('li', {}, h('b', {}, `${a.role.replaceAll('_', ' ')}: `), a.name))) : '',
      ev.relations.length ? h('p', { class: 'relations' }, 'Related: ',
        ev.relations.map((r) => h('button', { type: 'button', class: 'link', onclick: () => ctx.onSelect(r.event) }, `${r.type.replaceAll('_', ' ')} ${r.event}`))) : '',
      h('h3', {}, 'Figures'),
      ev.figures.length ? ev.figures.map((f, i) => figure(f, i, ev, outlets, ctx)) : h('p', {}, 'No figures reported.'),
      ev.disagreements && ev.disagreements.length ? [h('h3', {}, 'Disagreements'), h('ul', {},
        ev.disagreements.map((d) => h('li', {}, `${d.field}: `, d.values.map((v) => `${v.article} = ${typeof v.value === 'string' ? v.value : JSON.stringify(v.value)}`).join('; '), ` (${d.why})`)))] : '',
      h('h3', {}, 'Sources'),
      h('ul', { class: 'sources' }, detail.articles.map((a) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => ctx.onShowArticle(a.id, null) }, a.title || a.id),
        ` — ${a.source || 'outlet unknown'}, ${a.published || 'undated'}`,
        ctx.writable() ? ev.mentions.filter((m) => m.article === a.id).map((m) =>
          h('button', { type: 'button', class: 'small', onclick: () => ctx.onSplit(ev.id, m) }, `split off ${m.event}`)) : ''))),
      corrections(ev, ctx),
      detail.changes.length ? [h('h3', {}, 'History'), h('ul', { class: 'changes' }, detail.changes.map((c) => h('li', {},
        `${c.at.slice(0, 16).replace('T', ' ')} ${c.change}`,
        c.change === 'figure' ? ` ${c.detail.kind}: ${valueText(c.detail.from)} → ${valueText(c.detail.to)}` : '')))] : ''));
}

function figure(f, i, ev, outlets, ctx) {
  const id = `figure-${i}`;
  return h('section', { class: 'figure', 'aria-labelledby': id },
    h('h4', { id }, `${f.kind} (${f.group}${f.part_of_total ? ', part of the total' : ''}): `,
      h('span', { class: 'best' }, valueText(f.best)), ' ',
      h('span', { class: `verdict verdict-${f.verdict}` }, f.verdict),
      f.corrected ? h('span', { class: 'corrected' }, ` corrected by ${f.corrected.who || 'a person'} (machine: ${valueText(f.machine_best)})`) : ''),
    h('div', { class: 'figure-body' },
      h('table', { class: 'reports' },
        h('caption', {}, `${f.history.length} report${f.history.length === 1 ? '' : 's'}, oldest first`),
        h('thead', {}, h('tr', {}, ['Value', 'Source', 'Outlet', 'Published', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, f.history.map((r) => h('tr', { class: r.claim ? 'claim' : '' },
          h('td', {}, valueText(r), r.claim ? ' (claim)' : ''),
          h('td', {}, r.according_to ? r.according_to.name : '—'),
          h('td', {}, (outlets.get(r.article) || {}).source || r.article),
          h('td', {}, r.published || 'undated'),
          h('td', {}, h('button', { type: 'button', class: 'link show-report', onclick: () => ctx.onShowArticle(r.article, r.span) }, 'show in article'),
            ctx.writable() ? h('button', { type: 'button', class: 'small', onclick: () => ctx.onReject(ev.id, f, r) }, 'reject') : ''))))),
      stepChart(f.history)),
    h('p', { class: 'why' }, f.why));
}

function corrections(ev, ctx) {
  if (!ctx.writable()) return '';
  const others = ctx.events().filter((e) => e.id !== ev.id);
  const select = h('select', { id: 'merge-with' }, others.map((e) =>
    h('option', { value: e.id }, `${e.id} · ${dateText(e.date)} · ${e.type}${e.location && e.location.name ? ` · ${e.location.name}` : ''}`)));
  const why = h('input', { type: 'text', id: 'merge-why', value: 'the same event' });
  return h('section', { class: 'corrections', 'aria-label': 'Corrections' },
    h('h3', {}, 'Correct'),
    h('label', { for: 'merge-with' }, 'Merge with '), select, ' ',
    h('label', { for: 'merge-why' }, 'because '), why, ' ',
    h('button', { type: 'button', id: 'merge', onclick: () => ctx.onMerge(ev.id, select.value, why.value) }, 'Merge'));
}
