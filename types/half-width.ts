/**
 * What a Chinese keyboard types in full width (１５：００, ２０２６－１２－０２, ８７８９) as the ASCII digits and marks
 * the contract reads: every box where people type a number, a date, a time or a code reads it through this.
 */
export function halfWidth(text: string): string {
  return text.replace(/[０-９：．－／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
}
