import { createContext, useContext } from 'react';

/**
 * Whether the viewer may change the open dossier (`Customer.mayEdit`, the server's rule): DossierRoute
 * provides it to every tab. A tab rendered on its own (its component test) withholds nothing; the server
 * refuses what the role may not do either way.
 */
export const MayEditContext = createContext(true);

export const useMayEdit = () => useContext(MayEditContext);
