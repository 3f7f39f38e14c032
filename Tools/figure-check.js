// Measures the timeline figures of the page for Tools/figure-check.py: every text's box in
// the SVG's user units, every mark's shape, ticks and break marks, the figure's scrolling,
// text sizes and contrast; and the browser's width of each sample text at 11 px.
function measure(samples) {
  const rgb = (text) => (text.match(/[\d.]+/g) || [0, 0, 0]).slice(0, 4).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let e = element; e && e.nodeType === 1; e = e.parentElement) {
      const colour = rgb(getComputedStyle(e).backgroundColor);
      if (colour.length < 4 || colour[3] > 0) return colour;
    }
    return [255, 255, 255];
  };
  const box = (b) => [b.x, b.y, b.width, b.height];
  const figures = [];
  for (const svg of document.querySelectorAll('svg.tl')) {
    const figure = svg.closest('figure') || svg.parentElement;
    const scroller = svg.closest('.tl-scroll') || figure;
    const scale = svg.getScreenCTM().a;
    const back = luminance(background(svg));
    // Marks are grouped by kind: g.tl-marks > g.tl-KIND > g, one per mark.
    const marks = [...svg.querySelectorAll('g.tl-marks > g > g')];
    // A text's lane: how many lane rules (each at a lane's bottom) lie above its baseline.
    // The rules are one path, "M x y H x" per lane.
    const numbers = (element, pattern) => [...(element?.getAttribute('d') || '').matchAll(pattern)].map((m) => m.slice(1).map(Number));
    const rules = numbers(svg.querySelector('.tl-lane-rule'), /M[\d.]+ ([\d.]+)H/g).map(([y]) => y);
    const texts = [...svg.querySelectorAll('text')].map((t) => {
      const b = t.getBBox();
      const size = parseFloat(getComputedStyle(t).fontSize);
      const baseline = t.y.baseVal.numberOfItems ? t.y.baseVal.getItem(0).value : b.y + b.height;
      const mark = (t.parentElement.parentElement?.parentElement?.classList.contains('tl-marks') ? t.parentElement : null);
      const fore = luminance(rgb(getComputedStyle(t).fill));
      // A label written on its bar is read against the bar.
      const bar = t.classList.contains('tl-on-bar') ? t.parentElement.querySelector('rect') : null;
      const under = bar ? luminance(rgb(getComputedStyle(bar).fill)) : back;
      return {
        text: t.textContent, role: t.getAttribute('class') || (mark ? 'tl-mark-label' : 'text'),
        box: [b.x, baseline - 0.85 * size, b.width, 1.05 * size], baseline,
        lane: rules.filter((y) => y < baseline).length,
        mark: mark ? marks.indexOf(mark) : null, fontPx: size * scale,
        contrast: (Math.max(fore, under) + 0.05) / (Math.min(fore, under) + 0.05),
      };
    });
    const shapes = [];
    marks.forEach((g, index) => {
      for (const s of g.querySelectorAll('rect, path, circle')) {
        // A run of arrivals is a path of zero-length lines whose round caps are the dots: its
        // geometry box has no height, the dots reach 3 px (half the stroke) around it.
        const [x, y, w, h] = box(s.getBBox());
        const r = s.tagName === 'path' && g.parentElement.classList.contains('tl-arrival') ? 3 : 0;
        shapes.push({kind: 'mark', what: g.parentElement.getAttribute('class'), mark: index, box: [x - r, y - r, w + 2 * r, h + 2 * r]});
      }
    });
    // The ticks are one path, "M x y v4" per tick: a box each.
    for (const [x, y] of numbers(svg.querySelector('.tl-tick'), /M([\d.]+) ([\d.]+)v4/g)) {
      shapes.push({kind: 'tick', what: 'tick', mark: null, box: [x, y, 0, 4]});
    }
    for (const s of svg.querySelectorAll('.tl-break-mark')) shapes.push({kind: 'break', what: 'break mark', mark: null, box: box(s.getBBox())});
    const waits = [...svg.querySelectorAll('g.tl-wait > g')].map((g) => {
      const b = g.querySelector('path').getBBox();
      const label = g.querySelector('text');
      // A label cut short with "…" may have lost the duration: then the break says it.
      const labelled = !!label && !label.textContent.endsWith('…');
      return {x0: b.x, x1: b.x + b.width, labelled, label: label ? label.textContent : null};
    });
    // The lane-name column is fixed when it stays at the box's left edge scrolled to the end.
    let laneColumnFixed = false;
    const column = scroller.querySelector('.tl-lane-column');
    if (column) {
      scroller.scrollLeft = scroller.scrollWidth;
      const left = column.getBoundingClientRect().left - scroller.getBoundingClientRect().left - scroller.clientLeft;
      laneColumnFixed = Math.abs(left) < 1 && getComputedStyle(column).visibility !== 'hidden';
      scroller.scrollLeft = 0;
    }
    const overflow = getComputedStyle(scroller).overflowX;
    figures.push({
      id: figure.id || `figure-${figures.length + 1}`,
      viewBox: [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height],
      texts, shapes, waits, marks: marks.length, laneColumnFixed,
      // Every titled thing among the marks is one of the marks measured above.
      missedMarks: svg.querySelectorAll('g.tl-marks g > title').length - marks.length,
      box: {
        scrollWidth: Math.max(scroller.scrollWidth, figure.scrollWidth - figure.clientWidth + scroller.clientWidth),
        clientWidth: scroller.clientWidth, scrollable: overflow === 'auto' || overflow === 'scroll',
      },
    });
  }
  let sampleWidths = [];
  const host = document.querySelector('svg.tl');
  if (host) {
    sampleWidths = samples.map((text) => {
      const t = document.createElementNS('http://www.w3.org/2000/svg', 'text');
      t.textContent = text;
      host.appendChild(t);
      const width = t.getComputedTextLength();
      t.remove();
      return width;
    });
  }
  return {
    scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth, figures, sampleWidths,
  };
}
