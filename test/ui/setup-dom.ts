import '@testing-library/jest-dom'
import { configure } from '@testing-library/react'

// Server answers are drawn as React transitions (src/hooks/use-remote.ts), which React renders in slices that yield
// to other work: that is for a slow phone's CPU. In jsdom, in the full suite beside the builds and the browsers on
// two cores, a transition was still unrendered after findBy…'s wait (「正在读取菜单…」 after 5 s, once in a run;
// alone the same test takes 0.6 s). Here an answer is drawn at once, as an urgent update: what the page shows is the
// same, and the browser suites draw it as the app does.
jest.mock('react', () => {
  const react = jest.requireActual<typeof import('react')>('react')
  return { ...react, startTransition: (draw: () => void) => draw() }
})
configure({ asyncUtilTimeout: 5000 })
