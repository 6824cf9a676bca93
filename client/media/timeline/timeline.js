// The timeline panel's page: lays the dated entities out in lanes by kind (rows packed so names never
// overlap), draws the visible ones as absolutely positioned divs over a time axis, zooms and pans,
// shows an item's card on hover, and tells the extension what it drew and what was clicked.
(function (timeline) {
  'use strict';
  const vscode = acquireVsCodeApi();
  const { dates, card } = timeline;

  const LANES = [
    { key: 'people', title: 'People', kinds: ['person'] },
    { key: 'trials', title: 'Trials', kinds: ['trial'] },
    { key: 'events', title: 'Events', kinds: ['event'] },
    { key: 'other', title: 'Other', kinds: undefined },
  ];
  const ROW = 19; // px per row of items
  const LANE_HEAD = 24; // the lane's title above its rows
  const LANE_FOOT = 8;
  const POINT = 10; // a one-day event's diamond
  const GAP = 14; // between a name and the next item in its row
  const MAX_PX_PER_DAY = 120;
  const MIN_PX_PER_DAY = 1 / 2000;

  const byId = (id) => document.getElementById(id);
  const viewport = byId('viewport');
  const axis = byId('axis');
  const plot = byId('plot');
  const cardBox = byId('card');
  const empty = byId('empty');
  const measure = document.createElement('canvas').getContext('2d');

  let model = { scope: undefined, version: 0, items: [], lanes: [], height: 0 };
  let view = { start: 0, pxPerDay: 0.05 };
  let packedFor = -1; // the scale the rows were packed at
  let fitPending = false;
  let folded = new Set(); // the keys of the lanes folded to their title
  let frame = 0;

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // ---- the model: items with day numbers, in lanes ----

  function prepare(raw, index) {
    const start = dates.parse(raw.start);
    if (!start) return undefined;
    const end = raw.end ? dates.parse(raw.end) : undefined;
    const t0 = dates.startOf(start);
    return {
      ...raw,
      index,
      t0,
      t1: end ? Math.max(dates.endOf(end), t0 + 1) : dates.endOf(start),
      // A day is a point; a bare year or month a vague span; a start and an end a span.
      point: !end && start.day !== undefined,
      vague: !end && start.day === undefined,
      labelWidth: Math.ceil(measure.measureText(raw.name).width),
    };
  }

  function laneOf(kind) {
    return LANES.find((lane) => lane.kinds?.includes(kind)) ?? LANES[LANES.length - 1];
  }

  function buildModel(message) {
    measure.font = `${getComputedStyle(plot).fontSize} ${getComputedStyle(plot).fontFamily}`;
    const items = message.items.map(prepare).filter(Boolean);
    const lanes = LANES.map((lane) => ({
      ...lane,
      items: items.filter((item) => laneOf(item.kind) === lane).sort((a, b) => a.t0 - b.t0 || a.t1 - b.t1 || a.name.localeCompare(b.name)),
    })).filter((lane) => lane.items.length > 0);
    return { scope: message.scope, version: message.version, items, lanes, height: 0 };
  }

  /** Where each item goes at the current scale, its name inside its bar when it fits, else after it. */
  function geometry(item, pxPerDay) {
    if (item.point) {
      item.x = (item.t0 + 0.5) * pxPerDay - POINT / 2;
      item.width = POINT;
      item.inside = false;
    } else {
      item.x = item.t0 * pxPerDay;
      item.width = Math.max((item.t1 - item.t0) * pxPerDay, 4);
      item.inside = item.width >= item.labelWidth + 12;
    }
    item.right = item.x + item.width + (item.inside ? 0 : 4 + item.labelWidth);
  }

  /** Greedy rows per lane: each item in the first row whose last name ends before it starts. */
  function pack() {
    let top = 0;
    for (const lane of model.lanes) {
      const ends = [];
      for (const item of lane.items) {
        geometry(item, view.pxPerDay);
        const free = ends.findIndex((end) => end <= item.x);
        item.row = free === -1 ? ends.length : free;
        ends[item.row] = item.right + GAP;
      }
      lane.top = top;
      lane.height = folded.has(lane.key) ? LANE_HEAD + 2 : LANE_HEAD + Math.max(ends.length, 1) * ROW + LANE_FOOT;
      top += lane.height;
    }
    model.height = top;
    packedFor = view.pxPerDay;
  }

  // ---- drawing ----

  function schedule() {
    if (!frame) frame = requestAnimationFrame(render);
  }

  function render() {
    frame = 0;
    if (fitPending) fit();
    if (packedFor !== view.pxPerDay) pack();
    const width = viewport.clientWidth;
    const scale = view.pxPerDay;
    const origin = view.start * scale;
    const end = view.start + width / scale;
    const focused = document.activeElement?.dataset.focus;

    const { unit, ticks } = dates.ticks(Math.floor(view.start), Math.ceil(end), scale);
    const axisNodes = [];
    const nodes = [];
    for (const tick of ticks) {
      const x = `${tick.day * scale - origin}px`;
      const label = element('div', tick.major ? 'tick major' : 'tick', tick.label);
      label.style.left = x;
      axisNodes.push(label);
      const line = element('div', tick.major ? 'grid major' : 'grid');
      line.style.left = x;
      nodes.push(line);
    }
    model.lanes.forEach((lane, n) => {
      const band = element('div', `lane lane-${lane.key}${n % 2 ? ' odd' : ''}`);
      band.style.top = `${lane.top}px`;
      band.style.height = `${lane.height}px`;
      const title = element('button', 'lane-title', `${folded.has(lane.key) ? '▸' : '▾'} ${lane.title} · ${lane.items.length}`);
      title.dataset.lane = lane.key;
      title.dataset.focus = `lane:${lane.key}`;
      title.title = folded.has(lane.key) ? `Show the ${lane.title.toLowerCase()}` : `Fold the ${lane.title.toLowerCase()}`;
      title.setAttribute('aria-expanded', String(!folded.has(lane.key)));
      band.append(title);
      nodes.push(band);
      if (folded.has(lane.key)) return;
      for (const item of lane.items) {
        if (item.right < origin - 20 || item.x > origin + width + 20) continue;
        nodes.push(itemNode(item, lane, origin));
      }
    });
    axis.replaceChildren(...axisNodes);
    plot.replaceChildren(...nodes);
    plot.style.height = `${model.height}px`;
    byId('range').textContent = model.items.length ? `${dates.describe(view.start, unit)} – ${dates.describe(end, unit)}` : '';
    if (focused) plot.querySelector(`[data-focus="${focused}"]`)?.focus({ preventScroll: true });
    vscode.setState({ scope: model.scope, view, folded: [...folded] });
  }

  function itemNode(item, lane, origin) {
    const classes = ['item', item.point ? 'point' : 'span', `lane-${lane.key}`];
    if (item.vague) classes.push('vague');
    const node = element('div', classes.join(' '));
    node.dataset.index = String(item.index);
    node.dataset.focus = `item:${item.index}`;
    node.tabIndex = 0;
    node.setAttribute('role', 'button');
    node.setAttribute('aria-label', `${item.name}, ${item.kind}, ${item.start}${item.end ? ` to ${item.end}` : ''}`);
    node.style.left = `${item.x - origin}px`;
    node.style.top = `${lane.top + LANE_HEAD + item.row * ROW}px`;
    node.style.width = `${item.width}px`;
    const label = element('span', item.inside ? 'label inside' : 'label', item.name);
    if (item.inside) {
      // A long bar that starts off screen keeps its name in view.
      const shift = Math.min(Math.max(0, origin - item.x), item.width - item.labelWidth - 12);
      if (shift > 0) label.style.left = `${shift + 6}px`;
    }
    node.append(label);
    return node;
  }

  // ---- zoom and pan ----

  function clampScale(pxPerDay) {
    return Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, pxPerDay));
  }

  function zoomAt(x, factor) {
    const day = view.start + x / view.pxPerDay;
    const pxPerDay = clampScale(view.pxPerDay * factor);
    view = { start: day - x / pxPerDay, pxPerDay };
    hideCard();
    schedule();
  }

  function panBy(px) {
    view = { ...view, start: view.start + px / view.pxPerDay };
    hideCard();
    schedule();
  }

  /** Everything in view, with room after the last item for its name. */
  function fit() {
    const width = viewport.clientWidth;
    fitPending = width === 0;
    if (fitPending || model.items.length === 0) return;
    const from = Math.min(...model.items.map((item) => item.t0));
    const to = Math.max(...model.items.map((item) => item.t1));
    const left = 24;
    const right = Math.min(220, width * 0.25);
    const pxPerDay = clampScale((width - left - right) / Math.max(to - from, 30));
    view = { start: from - left / pxPerDay, pxPerDay };
  }

  viewport.addEventListener(
    'wheel',
    (event) => {
      if (model.items.length === 0) return;
      event.preventDefault();
      const step = event.deltaMode === 1 ? 30 : 1; // lines or pixels
      if (event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)) panBy((event.shiftKey ? event.deltaY + event.deltaX : event.deltaX) * step);
      else zoomAt(event.clientX - viewport.getBoundingClientRect().left, Math.exp(-event.deltaY * step * 0.002));
    },
    { passive: false },
  );

  let drag;
  viewport.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || event.target.closest('.item, .lane-title') || event.offsetX >= viewport.clientWidth) return;
    drag = { x: event.clientX, start: view.start, id: event.pointerId };
    viewport.setPointerCapture(event.pointerId);
    viewport.classList.add('dragging');
    hideCard();
  });
  viewport.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.id) return;
    view = { ...view, start: drag.start - (event.clientX - drag.x) / view.pxPerDay };
    schedule();
  });
  const endDrag = () => {
    drag = undefined;
    viewport.classList.remove('dragging');
  };
  viewport.addEventListener('pointerup', endDrag);
  viewport.addEventListener('pointercancel', endDrag);

  byId('zoom-in').addEventListener('click', () => zoomAt(viewport.clientWidth / 2, 1.6));
  byId('zoom-out').addEventListener('click', () => zoomAt(viewport.clientWidth / 2, 1 / 1.6));
  byId('fit').addEventListener('click', () => {
    fit();
    schedule();
  });

  document.addEventListener('keydown', (event) => {
    const item = event.target.closest?.('.item');
    if (item && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      open(item);
    } else if (event.key === '+' || event.key === '=') zoomAt(viewport.clientWidth / 2, 1.6);
    else if (event.key === '-') zoomAt(viewport.clientWidth / 2, 1 / 1.6);
    else if (event.key === '0') byId('fit').click();
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') panBy((event.key === 'ArrowLeft' ? -0.25 : 0.25) * viewport.clientWidth);
    else if (event.key === 'Escape') hideCard();
  });

  new ResizeObserver(() => schedule()).observe(viewport);

  // ---- cards and clicks ----

  function itemOf(node) {
    return model.items[Number(node.dataset.index)];
  }

  function open(node) {
    const item = itemOf(node);
    if (item) vscode.postMessage({ type: 'open', id: item.id });
  }

  let shownFor;
  function showCard(node) {
    const item = itemOf(node);
    if (!item || shownFor === node) return;
    shownFor = node;
    const body = element('div', 'card-body');
    card.render(body, item.card);
    cardBox.replaceChildren(body);
    if (item.target) cardBox.append(element('p', 'hint', `Click to open ${item.target}`));
    cardBox.style.maxHeight = '';
    cardBox.hidden = false;
    // Below the item if it fits, else above; else on the roomier side, cut to fit. Never over the item.
    const at = node.getBoundingClientRect();
    const size = cardBox.getBoundingClientRect();
    const below = window.innerHeight - at.bottom - 10;
    const above = at.top - 10;
    const downward = size.height <= below || (size.height > above && below >= above);
    const height = Math.min(size.height, downward ? below : above);
    cardBox.style.maxHeight = `${height}px`;
    cardBox.style.top = `${downward ? at.bottom + 6 : at.top - 6 - height}px`;
    cardBox.style.left = `${Math.max(4, Math.min(at.left, window.innerWidth - size.width - 8))}px`;
    body.classList.toggle('clipped', body.scrollHeight > body.clientHeight);
  }

  function hideCard() {
    shownFor = undefined;
    cardBox.hidden = true;
  }

  plot.addEventListener('click', (event) => {
    const node = event.target.closest('.item');
    if (node) open(node);
    const title = event.target.closest('.lane-title');
    if (title) {
      const key = title.dataset.lane;
      if (!folded.delete(key)) folded.add(key);
      packedFor = -1;
      render();
    }
  });
  plot.addEventListener('mouseover', (event) => {
    const node = event.target.closest('.item');
    if (node && !drag) showCard(node);
  });
  plot.addEventListener('mouseout', (event) => {
    const node = event.target.closest('.item');
    if (node && !node.contains(event.relatedTarget)) hideCard();
  });
  plot.addEventListener('focusin', (event) => {
    if (event.target.classList.contains('item')) showCard(event.target);
  });
  plot.addEventListener('focusout', hideCard);

  // ---- messages from the extension ----

  function receive(message) {
    const saved = vscode.getState();
    const firstForScope = message.scope !== model.scope;
    model = buildModel(message);
    packedFor = -1;
    hideCard();
    byId('scope').textContent = message.title;
    empty.hidden = model.items.length > 0;
    empty.textContent = message.starting ? 'History Notes is still reading your notes…' : 'No dated people, trials or events here yet.';
    if (firstForScope) {
      const restore = saved?.scope === message.scope && saved.view;
      folded = new Set(restore ? saved.folded : []);
      if (restore) view = saved.view;
      else fit();
    }
    render();
    vscode.postMessage({
      type: 'rendered',
      scope: model.scope,
      version: model.version,
      count: model.items.length,
      lanes: model.lanes.map((lane) => ({ title: lane.title, count: lane.items.length, names: lane.items.slice(0, 12).map((item) => item.name) })),
    });
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message && message.type === 'items' && Array.isArray(message.items)) receive(message);
  });
  vscode.postMessage({ type: 'ready' });
})((window.historyTimeline ??= {}));
