// The old address of the overview: the dashboard took its place.
import { useEffect } from 'preact/hooks';
import { Loading } from '../../components/Async';
import { navigate, location } from '../../router';

export default function ToDashboard() {
  useEffect(() => navigate(`/dashboard${location().search}`, { replace: true }), []);
  return <Loading />;
}
