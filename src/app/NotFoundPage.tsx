import { Link } from 'react-router-dom';
import { useText } from '../ui/useText.ts';
import { useDocumentTitle } from './useDocumentTitle.ts';

export function NotFoundPage() {
  const text = useText();
  useDocumentTitle(text('app.notFound.title'), text('app.name'));
  return (
    <div className="id-step">
      <h1 className="id-heading">{text('app.notFound.title')}</h1>
      <p>{text('app.notFound.body')}</p>
      <Link to="/" className="id-button">
        {text('app.flowPage.toStart')}
      </Link>
    </div>
  );
}
