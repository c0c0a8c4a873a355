import { QueryClient } from '@tanstack/react-query';

/** The app's one query cache; the router's loaders start requests in it before a page's code has loaded. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 },
    mutations: { retry: false },
  },
});
