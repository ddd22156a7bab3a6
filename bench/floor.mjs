// The floor under "a key press → the filtered rows painted" (findPaintMs): the same key press in a bare Fluent
// DetailsList, with none of the control. The platform's React 16 and Fluent 8 (the harness's /vendor files), 1,000
// items of plain text in 9 columns, no selection column, in a box the size of the bench's container, in the same
// viewport; a key press in a box above it filters the items. Timed as the control's is: from the key's event to the
// frame after the footer's text changed (requestAnimationFrame, then a task). Three cases:
//   - unchanged: the key changes the footer only, not the list (the cost of a key and a frame, on this machine);
//   - by position: the list's rows keyed by their index (the control's rows, which have no `key`, are keyed so);
//   - by position, the box first: as the control draws a new search (useFirstWindow), the rows the box shows in
//     the key's frame and the rest after it;
//   - by key: rows keyed by an id, as Fluent's samples do (a search then draws new rows rather than reusing them).
// Fluent's list draws, at every change of items, a window as tall as the browser's (not the box's). "unchanged"
// and "by position" key rows by position too.

import { median } from "./report.mjs";

const ITEMS = 1000;
const PRESSES = ["m", "s", "a", "m", "s", "a", "m", "s", "a"];

function pageHtml({ width, height }, variant) {
  return `<!doctype html><html><head><meta charset="utf-8">
<style>body{margin:0;font-family:"Segoe UI",sans-serif;font-size:14px}#box{width:${width}px;height:${height}px;display:flex;flex-direction:column}#scroll{flex:1 1 auto;min-height:0;overflow:auto;position:relative}</style>
<script src="/vendor/react.js"></script><script src="/vendor/react-dom.js"></script><script src="/vendor/fluentui-react.js"></script></head>
<body><div id="root"></div><script>
const { DetailsList, CheckboxVisibility, Selection } = FluentUIReact;
const h = React.createElement;
const first = ["Ana","Ben","Chloe","Dmitri","Eve","Farid","Grace","Hiro","Ines","Jon","Kofi","Lena","Mia","Nils","Omar","Priya","Quinn","Rosa","Sam","Tara"];
const last = ["Silva","Smith","Martin","Müller","Ng","Okafor","Rossi","Sato","Ivanova","Garcia","Kim","Nowak"];
const items = Array.from({ length: ${ITEMS} }, (_, i) => ({ key: "id" + i, name: first[i % 20] + " " + last[(i * 7) % 12] + " " + i,
  event: "Contoso Summit 2026", session: "Keynote " + (i % 5), contact: "Contact " + i, status: i % 9 ? "Active" : "Cancelled",
  synced: i % 3 ? "Yes" : "No", count: String(i % 4), created: "2026-12-0" + (1 + (i % 7)), owner: "Owner " + (i % 11) }));
const columns = ["name","event","session","contact","status","synced","count","created","owner"].map((k) => ({ key: k, name: k, fieldName: k, minWidth: 80, maxWidth: 160, isResizable: true }));
const selection = new Selection();
const variant = ${JSON.stringify(variant)};
const getKey = variant === "key" ? undefined : (item, index) => String(index);
// "box": as the control draws a new search, only the rows the scroll box shows below its column headers (42 px a
// row at least, and the one its bottom edge cuts) in the key's frame, and the rest after that frame is painted.
let boxRows;
function App() {
  const [query, setQuery] = React.useState("");
  const [drawnFor, setDrawnFor] = React.useState("");
  const shown = React.useMemo(() => (query ? items.filter((item) => item.name.toLowerCase().includes(query)) : items), [query]);
  const fresh = variant === "box" && drawnFor !== query;
  React.useEffect(() => {
    if (!fresh) return undefined;
    // At background priority, as the control's afterNextPaint: after the measurement's own task.
    const cancelled = new AbortController();
    const frame = requestAnimationFrame(() => scheduler.postTask(() => setDrawnFor(query), { priority: "background", signal: cancelled.signal }).catch(() => undefined));
    return () => { cancelAnimationFrame(frame); cancelled.abort(); };
  }, [fresh, query]);
  const renderCount = fresh && boxRows < shown.length ? boxRows : undefined;
  return h("div", { id: "box" },
    h("input", { id: "find", value: query, onChange: (e) => setQuery(e.target.value.toLowerCase()) }),
    h("div", { id: "scroll", "data-is-scrollable": "true", ref: (element) => element && (boxRows = Math.ceil((element.clientHeight - element.querySelector(".ms-DetailsList-headerWrapper").offsetHeight) / 42) + 1) }, h(DetailsList, { items: variant === "unchanged" ? items : shown, columns, selection, getKey,
      checkboxVisibility: CheckboxVisibility.hidden, setKey: "items", useReducedRowRenderer: true, listProps: { renderedWindowsAhead: 1, renderedWindowsBehind: 1, renderCount } })),
    h("div", { id: "footer" }, h("span", null, variant === "unchanged" ? query + " typed" : shown.length + " of " + items.length)));
}
ReactDOM.render(h(App), document.getElementById("root"));
</script></body></html>`;
}

/** For each case, the median of key press → painted (ms) and of the rows in the DOM at that paint. */
export async function measureFloor(browser, baseUrl, { viewport, container }) {
  const result = {};
  for (const variant of ["unchanged", "position", "box", "key"]) {
    const context = await browser.newContext({ viewport, reducedMotion: "reduce", locale: "en-US", timezoneId: "UTC" });
    try {
      const page = await context.newPage();
      // Any page of the local server: the bare list's scripts come from its /vendor.
      await page.goto(`${baseUrl}harness/harness.css`);
      await page.setContent(pageHtml(container, variant), { waitUntil: "load" });
      await page.waitForSelector(".ms-DetailsRow");
      const box = page.locator("#find");
      const times = [];
      const drawn = [];
      for (const letter of PRESSES) {
        await box.fill("");
        await page.evaluate(() => new Promise((resolve) => setTimeout(() => requestAnimationFrame(() => setTimeout(resolve, 0)), 150)));
        await page.evaluate((key) => {
          const footer = () => document.querySelector("#footer > span").textContent;
          const before = footer();
          const state = {};
          window.__floor = state;
          state.done = new Promise((resolve) => {
            const observer = new MutationObserver(() => {
              if (state.keyAt === undefined || footer() === before) return;
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => resolve({ at: performance.now(), rows: document.querySelectorAll(".ms-DetailsRow").length }), 0));
            });
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          });
          window.addEventListener("keydown", (event) => event.key === key && (state.keyAt = event.timeStamp), { capture: true, once: true });
        }, letter);
        await box.press(letter);
        const painted = await page.evaluate(async () => ({ ...(await window.__floor.done), keyAt: window.__floor.keyAt }));
        times.push(painted.at - painted.keyAt);
        drawn.push(painted.rows);
      }
      result[variant] = median(times);
      result[`${variant}Rows`] = median(drawn);
    } finally {
      await context.close();
    }
  }
  return result;
}
