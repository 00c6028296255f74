// No zod here: the booking pages say how long a freed place is held and load none of zod.

/** Services with a waitlist: a place at a care session or an activity is worth waiting for; a lunch is not. */
export const WAITLIST_FUNCTIONS = ['infant_care', 'child_care', 'elderly_care', 'culture', 'fitness', 'health', 'kids_play'] as const

/** How long a freed place is held for the first in line to confirm it. */
export const WAITLIST_HOLD_MINUTES = 120
