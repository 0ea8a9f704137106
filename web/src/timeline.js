// The timeline: one circle per dated event, coloured by type, sized by the
// best killed figure; zoom and pan on the time axis (wheel, drag). Circles
// take the focus (Tab) and Enter; `select(id)` rings an event; clicking or
// Enter calls onSelect.
/* global d3 */
export class Timeline {
  constructor(element, colour, onSelect) {
    this.element = element;
    this.colour = colour;
    this.onSelect = onSelect;
    this.height = 170;
    this.margin = { left: 8, right: 8, top: 10, bottom: 24 };
    this.svg = d3.select(element).append('svg').attr('height', this.height).attr('class', 'timeline');
    this.plot = this.svg.append('g');
    this.axis = this.svg.append('g').attr('class', 'axis');
    this.zoom = d3.zoom().scaleExtent([1, 2000]).on('zoom', (e) => this.draw(e.transform));
    this.svg.call(this.zoom);
    this.events = [];
    this.selected = null;
    new ResizeObserver(() => this.draw()).observe(element);
  }

  setEvents(events) {
    this.events = events.filter((e) => e.date && e.date.value);
    const days = this.events.map((e) => this.dayOf(e));
    const lo = d3.min(days) || new Date();
    const hi = d3.max(days) || new Date();
    this.x = d3.scaleUtc().domain([d3.utcDay.offset(lo, -3), d3.utcDay.offset(hi, 3)]);
    this.r = d3.scaleSqrt().domain([0, d3.max(this.events, (e) => killed(e)) || 1]).range([4, 18]);
    this.svg.call(this.zoom.transform, d3.zoomIdentity);
    this.draw();
  }

  dayOf(e) {
    const v = e.date.value;
    return new Date(`${v}${v.length === 4 ? '-07-01' : v.length === 7 ? '-15' : ''}T00:00:00Z`);
  }

  draw(transform = d3.zoomTransform(this.svg.node())) {
    if (!this.x) return;
    const width = this.element.clientWidth || 600;
    this.svg.attr('width', width);
    this.x.range([this.margin.left, width - this.margin.right]);
    const x = transform.rescaleX(this.x);
    const lanes = [...new Set(this.events.map((e) => e.type))].sort();
    const y = d3.scalePoint().domain(lanes).range([this.margin.top + 14, this.height - this.margin.bottom - 14]).padding(0.5);
    this.axis.attr('transform', `translate(0,${this.height - this.margin.bottom})`).call(d3.axisBottom(x).ticks(width / 90));
    this.plot.selectAll('circle')
      .data(this.events, (e) => e.id)
      .join((enter) => enter.append('circle')
        .attr('tabindex', 0)
        .attr('role', 'button')
        .on('click', (_, e) => this.onSelect(e.id))
        .on('keydown', (event, e) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); this.onSelect(e.id); } })
        .call((c) => c.append('title')))
      .attr('cx', (e) => x(this.dayOf(e)))
      .attr('cy', (e) => y(e.type))
      .attr('r', (e) => this.r(killed(e)))
      .attr('fill', (e) => this.colour(e.type))
      .attr('data-id', (e) => e.id)
      .attr('aria-label', (e) => `${e.date.value} ${e.type.replaceAll('_', ' ')}${e.location && e.location.name ? ` in ${e.location.name}` : ''}`)
      .classed('selected', (e) => e.id === this.selected)
      .select('title').text((e) => `${e.date.value} ${e.type}${e.location && e.location.name ? ` in ${e.location.name}` : ''}`);
  }

  select(id) {
    this.selected = id;
    this.plot.selectAll('circle').classed('selected', (e) => e.id === id);
    const e = this.events.find((ev) => ev.id === id);
    if (!e) return;
    // Bring it into view when zoomed away from it.
    const t = d3.zoomTransform(this.svg.node());
    const px = t.rescaleX(this.x)(this.dayOf(e));
    const width = this.element.clientWidth || 600;
    if (px < 0 || px > width) this.svg.call(this.zoom.translateTo, this.x(this.dayOf(e)), this.height / 2);
  }
}

export function killed(e) {
  return (e.totals && typeof e.totals.killed === 'number') ? e.totals.killed : 0;
}
