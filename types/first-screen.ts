/**
 * The id of the `<script type="application/json">` in which the H5 page arrives with the unfiltered directory
 * (GET /api/facilities as it answers), so that the first screen draws without asking for it.
 */
export const EMBEDDED_DIRECTORY_ID = 'doorstep-directory'
