/** Query keys follow the API's paths, so that a mutation can invalidate everything under a path. */
export const queryKeys = {
  get: (path: string, params?: object) => (params ? ['get', path, params] : ['get', path]),
};
