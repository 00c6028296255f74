// Answers the jsdom suites give through `mockRequest` for calls every page makes.

/** POST /api/auth/dev: the resident the H5 build signs in as. */
export const SIGNED_IN = {
  statusCode: 200,
  data: { token: 't'.repeat(43), expiresAt: '2027-01-01T00:00:00Z', user: { id: 'u', role: 'resident', nickname: null, createdAt: '' } },
}
