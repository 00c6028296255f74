import type { Chunk, Module } from 'webpack'

interface ChunkGraphLike {
  getModuleChunksIterable(module: Module): Iterable<Chunk>
  getChunkModulesIterable(chunk: Chunk): Iterable<Module>
}

const resourceOf = (module: Module): string | undefined => (module as Module & { resource?: string }).resource

/**
 * A splitChunks `test` that takes the modules a chunk holding `pageModule` (a file's absolute path) needs, so that
 * they can be grouped apart from the code only other pages share.
 */
export function usedBy(pageModule: string) {
  const holdsPage = new WeakMap<Chunk, boolean>()
  return (module: Module, { chunkGraph }: { chunkGraph: ChunkGraphLike }): boolean => {
    for (const chunk of chunkGraph.getModuleChunksIterable(module)) {
      let holds = holdsPage.get(chunk)
      if (holds === undefined) {
        holds = [...chunkGraph.getChunkModulesIterable(chunk)].some((m) => resourceOf(m)?.split('?')[0] === pageModule)
        holdsPage.set(chunk, holds)
      }
      if (holds) return true
    }
    return false
  }
}
