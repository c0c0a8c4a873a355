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
      ],
    },
  },
  {
    files: [
      'libs/config/**',
      'test/**',
      'apps/cli/**',
      'bench/**',
      'libs/testing/**',
      'apps/web/vite.config.mts',
    ],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
