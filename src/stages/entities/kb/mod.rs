//! The knowledge base and what it takes to find and link its entities in a body: the
//! entries ([`knowledge_base`]), the alias automaton ([`gazetteer`]), the identity
//! skeletons that make spellings of one name meet ([`identity`]), known and repeated names
//! under a case ending ([`inflection`]), and the link indices that give a name found by
//! pattern the id of a known entry ([`linker`]).

pub(super) mod gazetteer;
pub(super) mod identity;
pub(super) mod inflection;
pub(super) mod knowledge_base;
pub(super) mod linker;
