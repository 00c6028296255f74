/**
 * Data for a page, in the page: a `<script type="application/json">` block is never run (no CSP exception needed)
 * and the client reads it with JSON.parse. Every `<` is written `\u003c`, so that no text in the data (a facility
 * named `</script>…`) can end the block and become markup.
 */
export function embedJson(html: string, id: string, json: string): string {
  const block = `<script type="application/json" id="${id}">${json.replaceAll('<', '\\u003c')}</script>`
  const end = html.lastIndexOf('</body>')
  return end < 0 ? html + block : `${html.slice(0, end)}${block}${html.slice(end)}`
}
