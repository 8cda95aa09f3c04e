"""Actors stage: the knowledge base and the linker that finds its entities in a text view."""

from summitry.actors.kb import KnowledgeBase, KnowledgeBaseError, load_knowledge_base
from summitry.actors.linker import LinkedActors, link_actors

__all__ = ["KnowledgeBase", "KnowledgeBaseError", "LinkedActors", "link_actors", "load_knowledge_base"]
