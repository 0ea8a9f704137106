// The page: filters -> events -> timeline, map and list, linked by one
// selection; the detail pane shows an event card or an article.
/* global d3 */
import { allEvents, get, post, session } from './api.js';
import { renderCard } from './card.js';
import { dateText, h } from './dom.js';
import { renderArticle } from './article.js';
import { EventMap } from './map.js';
import { Timeline, killed } from './timeline.js';

const colour = d3.scaleOrdinal(d3.schemeTableau10);
const state = { events: [], selected: null, writable: false, filters: {} };
const detail = document.getElementById('detail');
const list = document.getElementById('events');
const timeline = new Timeline(document.getElementById('timeline'), colour, select);
const map = new EventMap(document.getElementById('map'), colour, select);

function writable() { return state.writable && session.token !== ''; }

async function load() {
  try {
    state.events = await allEvents(state.filters);
  } catch (e) {
    document.getElementById('count').textContent = `(${e.message})`;
    return;
  }
  document.getElementById('count').textContent = `(${state.events.length})`;
  list.replaceChildren(...state.events.map((e) => h('li', {},
    h('button', { type: 'button', 'data-id': e.id, onclick: () => select(e.id) },
      h('span', { class: 'swatch', style: `background:${colour(e.type)}` }),
      `${dateText(e.date)} · ${e.type.replaceAll('_', ' ')}`,
      e.location && e.location.name ? ` · ${e.location.name}` : '',
      killed(e) ? ` · ${killed(e)} killed` : ''))));
  timeline.setEvents(state.events);
  map.setEvents(state.events);
  if (state.selected && state.events.some((e) => e.id === state.selected)) highlight(state.selected);
}

function highlight(id) {
  state.selected = id;
  for (const b of list.querySelectorAll('button')) b.setAttribute('aria-current', b.dataset.id === id ? 'true' : 'false');
  timeline.select(id);
  map.select(id);
}

// Only the latest request may fill the detail pane (answers can overtake).
let latest = 0;

async function select(id) {
  highlight(id);
  const mine = ++latest;
  const { status, body } = await get(`/api/events/${encodeURIComponent(id)}`);
  if (mine !== latest) return;
  if (status !== 200 && status !== 410) {
    detail.replaceChildren(h('p', { class: 'error' }, body.error));
    return;
  }
  renderCard(detail, status === 410 ? body : { ...body, event: body.event }, cardContext);
  history.replaceState(null, '', `#${id}`);
}

async function showArticle(articleId, span) {
  const mine = ++latest;
  const { status, body } = await get(`/api/articles/${encodeURIComponent(articleId)}`);
  if (mine !== latest) return;
  if (status !== 200) {
    detail.replaceChildren(h('p', { class: 'error' }, body.error));
    return;
  }
  const back = state.selected;
  renderArticle(detail, body, span, () => select(back));
}

async function correct(body) {
  try {
    await post('/api/corrections', { who: session.who || 'web', ...body });
  } catch (e) {
    alertIn(detail, `Correction refused: ${e.message}`);
    return false;
  }
  return true;
}

function alertIn(where, message) {
  where.prepend(h('p', { class: 'error', role: 'alert' }, message));
}

const cardContext = {
  colour,
  writable,
  events: () => state.events,
  onSelect: select,
  onShowArticle: showArticle,
  async onMerge(a, b, why) {
    if (!b) return;
    if (await correct({ action: 'merge', why: why || 'the same event', args: { events: [a, b] } })) {
      await load();
      const survivor = state.events.some((e) => e.id === a) ? a : b;
      await select(survivor);
    }
  },
  async onSplit(id, mention) {
    if (await correct({ action: 'split', why: 'a different event', args: { event: id, mentions: [mention] } })) {
      await load();
      await select(id);
    }
  },
  async onReject(id, figure, report) {
    if (await correct({ action: 'reject_figure', why: 'not this event\'s figure',
      args: { event: id, kind: figure.kind, article: report.article, span: report.span } })) {
      await load();
      await select(id);
    }
  },
};

// Filters.
const form = document.getElementById('filters');
form.addEventListener('submit', (e) => {
  e.preventDefault();
  state.filters = Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== ''));
  load();
});
form.addEventListener('reset', () => setTimeout(() => { state.filters = {}; load(); }));

// Token, name and upload.
document.getElementById('access-form').addEventListener('submit', (e) => e.preventDefault());
const token = document.getElementById('token');
const who = document.getElementById('who');
token.value = session.token;
who.value = session.who;
token.addEventListener('change', () => { session.token = token.value; refreshAccess(); if (state.selected) select(state.selected); });
who.addEventListener('change', () => { session.who = who.value; });

async function refreshAccess() {
  const { body } = await get('/api/health');
  state.writable = !!body.writable;
  document.getElementById('writable').textContent = !state.writable
    ? 'This server is read-only.'
    : session.token ? 'Corrections and upload are on (the server checks the token).' : 'Enter the token to correct or upload.';
  document.getElementById('upload').hidden = !writable();
  return body;
}

async function upload(text, type) {
  const result = document.getElementById('upload-result');
  try {
    const r = await post('/api/articles', text, type);
    result.textContent = `${r.new} new, ${r.duplicate} duplicate, ${r.failed} failed${r.errors.length ? `: ${r.errors.join('; ')}` : ''}`;
    await load();
  } catch (e) {
    result.textContent = `Refused: ${e.message}`;
  }
}
document.getElementById('upload-send').addEventListener('click', () => {
  const text = document.getElementById('upload-text').value;
  if (text.trim()) upload(text, 'text/plain');
});
const drop = document.getElementById('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  for (const file of e.dataTransfer.files) {
    const name = file.name.toLowerCase();
    const type = name.endsWith('.jsonl') || name.endsWith('.ndjson') ? 'application/x-ndjson'
      : name.endsWith('.json') ? 'application/json' : name.endsWith('.html') || name.endsWith('.htm') ? 'text/html' : 'text/plain';
    await upload(await file.text(), type);
  }
});

// Types for the filter, from one unfiltered load.
async function start() {
  await refreshAccess();
  await load();
  const select_ = form.elements.type;
  for (const t of [...new Set(state.events.map((e) => e.type))].sort())
    select_.append(h('option', { value: t }, t.replaceAll('_', ' ')));
  if (location.hash.length > 1) select(decodeURIComponent(location.hash.slice(1)));
}
start();
