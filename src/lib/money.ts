// Written once for the server's sentences and the client's labels.
export { formatFen } from '@shared/money'
