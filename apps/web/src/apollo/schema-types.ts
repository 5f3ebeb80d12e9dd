// Contract enums the web reads, by hand until operations are typed from the emitted schema by codegen.
export type StaffRole = 'SALES_REP' | 'SALES_MANAGER' | 'ANALYST' | 'ARCHIVIST' | 'ADMIN';
