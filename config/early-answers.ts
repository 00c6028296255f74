/**
 * The public answers a page opened from its address (a shared link, a reload, a bookmark) draws first, by page:
 * API paths in which `{name}` is the page's query parameter of that name. In the browser, js/boot.js asks for them
 * as the page starts, while the app's code is still downloading, and the app takes the answer when it asks for
 * the same path (src/lib/embedded-answer.ts `takeEarlyAnswer`): the screen no longer waits for the code and then
 * for the server, one after the other. Public answers only: nothing here may carry a person's data
 * (test/api/early-answers.test.ts asks each without signing in). Read by the build (route-preloads.ts) into
 * js/boot.<hash>.js.
 */
export const EARLY_ANSWERS: Readonly<Record<string, readonly string[]>> = {
  'packages/facility/detail/index': ['/api/facilities/{id}', '/api/facilities/{id}/prices'],
  'packages/meal/order/index': ['/api/facilities/{facilityId}/sessions?function=meal'],
  'packages/care/infant/index': ['/api/facilities/{facilityId}/sessions?function=infant_care'],
  'packages/care/after-school/index': ['/api/facilities/{facilityId}/sessions?function=child_care'],
  'packages/care/day-care/index': ['/api/facilities/{facilityId}/sessions?function=elderly_care'],
  'packages/care/respite/index': ['/api/facilities/{facilityId}/sessions?function=elderly_care'],
}
