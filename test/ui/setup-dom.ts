import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'

// Server answers are drawn as React transitions (src/hooks/use-remote.ts), which yield to other work: in the full
// suite, beside the builds and the browsers on two cores, a findBy… waited out its 1 s default once. What a test
// waits for is unchanged; it may wait longer on a loaded machine.
configure({ asyncUtilTimeout: 5000 })
