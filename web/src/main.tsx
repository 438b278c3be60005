import { render } from 'preact';
import { App } from './App';
import { lang } from './i18n';
import { loadSession } from './session';
import './styles.css';

document.documentElement.lang = lang();
loadSession();
render(<App />, document.getElementById('app')!);
