import 'reflect-metadata';

// The demo data arrives with the case model; until then the demo runs on an empty database.
console.log('Demo data: nothing to load yet.');
