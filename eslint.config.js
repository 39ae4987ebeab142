import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import pluginQuery from '@tanstack/eslint-plugin-query';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import globals from 'globals';
import importX from 'eslint-plugin-import-x';
import { readdirSync } from 'node:fs';

/**
 * Imports run one way: app → features → components → hooks → lib / api → i18n → store. Each layer
 * is listed with the layers it may not import; lib and api hold no screen state, so not the store
 * either. Features never import each other.
 */
const FORBIDDEN = {
  'src/features': ['src/app'],
  'src/components': ['src/app', 'src/features'],
  'src/hooks': ['src/app', 'src/features', 'src/components'],
  'src/lib': ['src/app', 'src/features', 'src/components', 'src/hooks', 'src/store'],
  'src/api': ['src/app', 'src/features', 'src/components', 'src/hooks', 'src/store'],
  'src/i18n': ['src/app', 'src/features', 'src/components', 'src/hooks', 'src/lib', 'src/api'],
  'src/store': ['src/app', 'src/features', 'src/components', 'src/hooks', 'src/lib', 'src/api', 'src/i18n'],
};
const features = readdirSync('src/features', { withFileTypes: true }).filter((e) => e.isDirectory());
const importZones = [
  ...Object.entries(FORBIDDEN).flatMap(([target, from]) =>
    from.map((layer) => ({ target, from: layer, message: `${target} sits below ${layer}.` })),
  ),
  ...features.map(({ name }) => ({
    target: `src/features/${name}`,
    from: 'src/features',
    except: [`./${name}`],
    message: 'Features do not import each other; share through components, hooks or lib.',
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'coverage', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  ...pluginQuery.configs['flat/recommended'],
  jsxA11y.flatConfigs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    // A test may reach across layers to check them together.
    ignores: ['src/**/*.test.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: importZones }] },
  },
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // A scrolling region with no controls in it must take focus to be read from the keyboard.
      'jsx-a11y/no-noninteractive-tabindex': ['error', { roles: ['tabpanel', 'region'] }],
    },
  },
);
