import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { TillApiContext } from './till-context';
import { connectTill } from './transport';
import './styles.css';

initI18n(navigator.language.startsWith('en') ? 'en' : 'fr');
const till = connectTill();
const root = createRoot(document.getElementById('root') as HTMLElement);
root.render(
  <StrictMode>
    {till ? (
      <TillApiContext.Provider value={till}>
        <App />
      </TillApiContext.Provider>
    ) : (
      <main className="screen">
        <h1>Atouts Caisse</h1>
        <p role="alert">Lien de caisse invalide : ouvrez l'adresse affichée au lancement de la caisse.</p>
      </main>
    )}
  </StrictMode>,
);
