/**
 * The report's one stylesheet, inlined (the document must work offline, from a file share and as an
 * e-mail attachment). Colours meet WCAG AA contrast on white; status marks carry a symbol and a word,
 * colour only adds to them. Print: A4, every section on a new page, no navigation chrome.
 */
export const REPORT_CSS = `
:root { --text: #1a1a1a; --muted: #595959; --line: #d0d0d0; --accent: #0b5394; --ok: #1e6b2e; --bad: #a4262c; --bg-soft: #f4f6f8; }
* { box-sizing: border-box; }
html { font-family: Arial, Helvetica, sans-serif; color: var(--text); background: #fff; line-height: 1.5; }
body { margin: 0 auto; max-width: 60rem; padding: 0 1.25rem 3rem; }
a { color: var(--accent); }
a:focus-visible, summary:focus-visible { outline: 3px solid var(--text); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: 1rem; }
header.report { border-bottom: 3px solid var(--accent); padding: 1.5rem 0 .75rem; }
header.report h1 { margin: 0 0 .25rem; font-size: 1.75rem; }
.edition { color: var(--muted); margin: 0; }
.draft { background: #fff4ce; border: 1px solid #8a6d00; padding: .5rem .75rem; margin: .75rem 0 0; }
h2 { font-size: 1.4rem; margin: 0; }
h3 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1.05rem; margin: 1rem 0 .25rem; }
h5 { font-size: .95rem; margin: .75rem 0 .25rem; }
.mission { font-size: 1.15rem; font-style: italic; }
.opgave { border-top: 1px solid var(--line); margin-top: 1.5rem; }
.doel { background: var(--bg-soft); padding: .25rem 1rem .75rem; margin: .75rem 0; border-radius: 4px; }
.tree { list-style: none; padding-left: 0; margin: .25rem 0; }
.tree li { padding: .2rem 0; }
.tree .speerpunt > ul { list-style: none; padding-left: 1.25rem; }
.beleidskader { color: var(--muted); }
.mark { white-space: nowrap; font-size: .9rem; }
.status-on-track { color: var(--ok); }
.status-off-track { color: var(--bad); }
.status-no-data, .status-no-target { color: var(--muted); }
.arrow-good { color: var(--ok); }
.arrow-bad { color: var(--bad); }
.arrow-neutral { color: var(--muted); }
.stelsel { border-left: 4px solid var(--accent); padding: 0 1rem; margin: .75rem 0; }
.has-duiding { color: var(--accent); font-size: .9rem; white-space: nowrap; }
.value { font-weight: bold; }
section.page { border-top: 2px solid var(--line); margin-top: 2.5rem; padding-top: 1rem; }
.page-head { display: flex; justify-content: space-between; align-items: baseline; gap: 1rem; flex-wrap: wrap; }
.back { white-space: nowrap; }
.meta { color: var(--muted); margin: .25rem 0; }
figure { margin: 1rem 0; }
figure svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: .9rem; }
.multiples > figcaption { color: var(--text); font-weight: bold; margin-bottom: .5rem; }
.multiples-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .75rem 1rem; }
.multiples-grid figure { margin: 0; }
.multiples-grid figcaption { font-size: .8rem; }
table { border-collapse: collapse; margin: .5rem 0; min-width: 50%; }
caption { text-align: left; font-weight: bold; padding-bottom: .25rem; }
th, td { border-bottom: 1px solid var(--line); padding: .25rem .75rem .25rem 0; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; }
.conclusion { border-left: 4px solid var(--accent); padding: .25rem 0 .5rem 1rem; margin: 1rem 0; }
.conclusion p { margin: .25rem 0; }
.revised { background: #fff4ce; padding: .25rem .5rem; }
.footer { color: var(--muted); border-top: 1px solid var(--line); margin-top: 3rem; padding-top: .75rem; font-size: .9rem; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  .skip, .back, .no-print { display: none !important; }
  section.page { break-before: page; border-top: none; margin-top: 0; }
  figure, table, .conclusion { break-inside: avoid; }
  figure.multiples { break-inside: auto; }
  h2, h3, h4 { break-after: avoid; }
  a { color: var(--text); text-decoration: none; }
  a[href^="http"]::after { content: " (" attr(href) ")"; }
  .draft { border: 1px solid #000; }
}
`;
