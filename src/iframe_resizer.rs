//! iframe-resizer's child protocol, so that a host running its parent library (v4's
//! `iFrameResize`, v5's `iframeResize` from `@iframe-resizer/parent`) sizes our frame with no
//! script of theirs in our page. Pure functions, tested natively; `hooks::use_host_resize` does
//! the browser side and reads only messages from `window.parent`.
//!
//! The exchange, as both parents' sources (4.4.5 and 5.5.9) and their child's have it:
//! - on start we post [`CHILD_READY`]: the parent sends its init when the frame loads, which is
//!   before our app listens, and sends it again when it hears this;
//! - the parent's init is `[iFrameSizer]{id}:8:{sizeWidth}:…` (16 fields in v4, 24 in v5); we
//!   answer `[iFrameSizer]{id}:{height}:{width}:init:{version}`. Without that answer within five
//!   seconds both parents warn on the host's console; v5 also warns when it carries no version;
//! - then every report is `[iFrameSizer]{id}:{height}:{width}:size`: both parents resize the
//!   frame for any type they do not reserve, warn about a 0×0 one and v5 ignores any zero;
//! - the parent's `[iFrameSizer]resize` (v4 on a window resize, v5 when its tab shows again)
//!   asks for a report now.
//!
//! Only the frame's id is taken from a parent's message, and it only goes back to that parent.

/// Every message of the protocol, both ways, starts with this.
const MESSAGE_ID: &str = "[iFrameSizer]";

/// What a child posts to its parent once it listens, asking for the init again.
pub const CHILD_READY: &str = "[iFrameResizerChild]Ready";

/// The child version our init answer names: the protocol we speak is v5.5.9's (v4 reads the
/// same fields and ignores this one). A v5 parent warns about a child that names none, as a
/// legacy one, and only logs a different one when the host turned its logging on.
const PROTOCOL_VERSION: &str = "5.5.9";

/// Our reports' type: the one iframe-resizer's own child uses when its page states its size.
const SIZE_REPORT: &str = "size";

/// A parent's init is a few hundred characters at most (v5's includes its licence key).
const MAX_MESSAGE: usize = 1024;
const MAX_FIELDS: usize = 32;
const MAX_FRAME_ID: usize = 128;

/// What the parent asks of us.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParentRequest<'a> {
    /// Start, or start again, speaking to the parent about the frame it calls `frame_id`.
    Init { frame_id: &'a str },
    /// Report the size now.
    Resize,
}

/// The explainer's document size in whole CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub height: u32,
    pub width: u32,
}

/// What `message` asks, if it is a parent's init or resize request of exactly that shape.
pub fn parent_request(message: &str) -> Option<ParentRequest<'_>> {
    if message.len() > MAX_MESSAGE {
        return None;
    }
    let body = message.strip_prefix(MESSAGE_ID)?;
    if body == "resize" {
        return Some(ParentRequest::Resize);
    }
    let fields: Vec<&str> = body.split(':').collect();
    // The child's own test for an init: the third field is the parent's `sizeWidth` flag.
    let is_init = fields.len() <= MAX_FIELDS
        && fields.get(1).is_some_and(|margin| is_number(margin))
        && fields
            .get(2)
            .is_some_and(|flag| matches!(*flag, "true" | "false"));
    let frame_id = fields[0];
    (is_init && is_frame_id(frame_id)).then_some(ParentRequest::Init { frame_id })
}

/// The first field, v1's body margin: a number of pixels (v5 always sends 8).
fn is_number(field: &str) -> bool {
    !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit())
}

/// The parent names frames by their element id (or `iFrameResizer0`, … when they have none);
/// we echo one only if it is printable, without spaces, and of a sensible length.
fn is_frame_id(id: &str) -> bool {
    (1..=MAX_FRAME_ID).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_graphic())
}

/// Our answer to the parent's init: our size, and the protocol version we speak.
pub fn init_reply(frame_id: &str, size: Size) -> String {
    format!("{}:{PROTOCOL_VERSION}", message(frame_id, size, "init"))
}

/// A size report for the parent, or none while the document has no box (a hidden frame): both
/// parents warn about a 0×0 report, and v5 ignores any with a zero.
pub fn size_report(frame_id: &str, size: Size) -> Option<String> {
    (size.height > 0 && size.width > 0).then(|| message(frame_id, size, SIZE_REPORT))
}

fn message(frame_id: &str, size: Size, kind: &str) -> String {
    format!(
        "{MESSAGE_ID}{frame_id}:{}:{}:{kind}",
        size.height, size.width
    )
}
