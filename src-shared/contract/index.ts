/** The contract between renderer and main: procedures, events, errors and the shapes they carry. */
export * from './errors'
export * from './procedures'
export * from './events'
export * from './settings'
export * from './secrets'
export * from './app-info'
export * from './halo'
