import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** UI state the URL does not hold: preferences that belong to this screen, not to a link. */

export type Theme = 'dark' | 'light';

interface ThemeSlice {
  theme: Theme;
  themeToggled: () => void;
}

interface RefreshSlice {
  /** Auto-refresh paused by the user (WCAG 2.2.2); data then ages visibly. */
  refreshPaused: boolean;
  refreshPauseToggled: () => void;
}

interface LanguageSlice {
  /** The language chosen on this screen, remembered across reloads; null while none was. */
  language: string | null;
  languageSet: (code: string) => void;
}

type UiState = ThemeSlice & RefreshSlice & LanguageSlice;

type SliceCreator<T> = (set: (partial: Partial<UiState> | ((s: UiState) => Partial<UiState>)) => void) => T;

const createThemeSlice: SliceCreator<ThemeSlice> = (set) => ({
  theme: 'dark',
  themeToggled: () => set((s) => ({ theme: s.theme === 'dark' ? 'light' : 'dark' })),
});

const createRefreshSlice: SliceCreator<RefreshSlice> = (set) => ({
  refreshPaused: false,
  refreshPauseToggled: () => set((s) => ({ refreshPaused: !s.refreshPaused })),
});

const createLanguageSlice: SliceCreator<LanguageSlice> = (set) => ({
  language: null,
  languageSet: (code) => set({ language: code }),
});

export const useUiStore = create<UiState>()(
  persist(
    (set) => ({
      ...createThemeSlice(set),
      ...createRefreshSlice(set),
      ...createLanguageSlice(set),
    }),
    {
      name: 'territorio-ui',
      // A pause is a decision for now; after a reload the screen is live again.
      partialize: (s) => ({ theme: s.theme, language: s.language }),
    },
  ),
);

export const useTheme = () => useUiStore((s) => s.theme);
export const useRefreshPaused = () => useUiStore((s) => s.refreshPaused);
