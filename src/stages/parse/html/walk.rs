//! Depth-first walks over an HTML tree without recursion: every reader of the tree
//! (pruning, scoring, emitting, measuring prose, the headline) goes through [`Walk`], so
//! a page nested thousands of levels deep costs heap-free steps, not stack frames.

use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::node::Text;
use scraper::{ElementRef, Node};

/// One step of a [`Walk`], in document order.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Step<'a> {
    /// An element is entered: its children follow (unless [`Walk::skip_subtree`] is
    /// called now), then its `Close`.
    Open(ElementRef<'a>),
    /// Every child of the element has been walked.
    Close(ElementRef<'a>),
    /// A text node.
    Text(&'a Text),
}

/// A depth-first walk over an element and everything under it, in document order, that
/// the caller can tell not to enter an element. Comments and other nodes that are
/// neither elements nor text are passed over, and only elements are entered.
///
/// It keeps no stack: the next step is found from the tree's parent and sibling links,
/// so any depth walks in constant memory.
pub(crate) struct Walk<'a> {
    root: NodeRef<'a, Node>,
    next: Option<Edge<'a, Node>>,
    /// The element of the last `Open` step, while its children may still be skipped.
    opened: Option<NodeRef<'a, Node>>,
}

impl<'a> Walk<'a> {
    /// A walk starting with `Open(root)` and ending with `Close(root)`.
    pub(crate) fn new(root: ElementRef<'a>) -> Walk<'a> {
        Walk {
            root: *root,
            next: Some(Edge::Open(*root)),
            opened: None,
        }
    }

    /// Called right after an `Open` step: that element's children and its `Close` are not
    /// walked. Anywhere else it does nothing.
    pub(crate) fn skip_subtree(&mut self) {
        if let Some(node) = self.opened.take() {
            self.next = self.after(node);
        }
    }

    /// The edge after `node` and everything under it: its next sibling, else its
    /// parent's close; none after the root.
    fn after(&self, node: NodeRef<'a, Node>) -> Option<Edge<'a, Node>> {
        if node.id() == self.root.id() {
            return None;
        }
        match node.next_sibling() {
            Some(sibling) => Some(Edge::Open(sibling)),
            None => node.parent().map(Edge::Close),
        }
    }
}

impl<'a> Iterator for Walk<'a> {
    type Item = Step<'a>;

    fn next(&mut self) -> Option<Step<'a>> {
        self.opened = None;
        loop {
            let edge = self.next.take()?;
            match edge {
                Edge::Open(node) => match node.value() {
                    Node::Element(_) => {
                        self.next = Some(node.first_child().map_or(Edge::Close(node), Edge::Open));
                        self.opened = Some(node);
                        return ElementRef::wrap(node).map(Step::Open);
                    }
                    other => {
                        self.next = self.after(node);
                        if let Node::Text(text) = other {
                            return Some(Step::Text(text));
                        }
                    }
                },
                Edge::Close(node) => {
                    self.next = self.after(node);
                    if let Some(element) = ElementRef::wrap(node) {
                        return Some(Step::Close(element));
                    }
                }
            }
        }
    }
}
