import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'apps/cli/*.js',
      'jest.config.js',
      'bench/.tmp/**',
      'var/**',
      'apps/web/src/api/schema.d.ts',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='process'][property.name='env']",
          message: 'Read settings through @anslag/config.',
        },
        {
          // "Today" is Stockholm's date: between midnight and two a UTC date is yesterday's.
          selector:
            "CallExpression[callee.property.name='slice'] > MemberExpression > CallExpression[callee.property.name='toISOString'][callee.object.type='NewExpression'][callee.object.arguments.length=0]",
          message: "Today is Europe/Stockholm's date: use Clock.today() (or stockholmDate for a moment).",
        },
      ],
    },
  },
  {
    // apps/idp is a demo and test tool of its own, outside the product's configuration.
    files: [
      'libs/config/**',
      'test/**',
      'apps/cli/**',
      'apps/idp/**',
      'bench/**',
      'libs/testing/**',
      'apps/web/vite.config.mts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
