//! iframe-resizer's child protocol: the parents' own init messages are understood, our answers
//! are in the shape both parents read, and anything else a page might post is ignored.

use coalition_explainer::iframe_resizer::{
    init_reply, parent_request, size_report, ParentRequest, Size, CHILD_READY,
};
use proptest::prelude::*;

/// What `iFrameResize({}, '#explainer')` of iframe-resizer 4.4.5 posts (createOutgoingMsg).
const V4_INIT: &str = "[iFrameSizer]explainer:8:false:false:32:true:true:null:bodyOffset:null:null:0:false:parent:scroll:true";

/// What `iframeResize({ license: 'GPLv3' }, '#explainer')` of @iframe-resizer/parent 5.5.9
/// posts: 24 fields, the licence key and the parent's version among them.
const V5_INIT: &str = "[iFrameSizer]explainer:8:false:false:32:true:true::auto:::0:false:child:auto:false:::true:GPLv3:5.5.9:0::false";

const SIZE: Size = Size {
    height: 2345,
    width: 640,
};

#[test]
fn both_parents_inits_name_the_frame() {
    for init in [V4_INIT, V5_INIT] {
        assert_eq!(
            parent_request(init),
            Some(ParentRequest::Init {
                frame_id: "explainer"
            }),
            "{init:.40}"
        );
    }
    let unnamed_frame = V4_INIT.replace("explainer", "iFrameResizer0");
    assert_eq!(
        parent_request(&unnamed_frame),
        Some(ParentRequest::Init {
            frame_id: "iFrameResizer0"
        })
    );
}

#[test]
fn a_resize_request_asks_for_a_report() {
    assert_eq!(
        parent_request("[iFrameSizer]resize"),
        Some(ParentRequest::Resize)
    );
}

#[test]
fn init_reply_carries_size_and_version() {
    assert_eq!(
        init_reply("explainer", SIZE),
        "[iFrameSizer]explainer:2345:640:init:5.5.9"
    );
}

#[test]
fn size_reports_use_a_type_both_parents_resize_for() {
    assert_eq!(
        size_report("explainer", SIZE).as_deref(),
        Some("[iFrameSizer]explainer:2345:640:size")
    );
}

#[test]
fn a_document_without_a_box_reports_nothing() {
    for empty in [
        Size {
            height: 0,
            width: 0,
        },
        Size {
            height: 0,
            width: 640,
        },
        Size {
            height: 900,
            width: 0,
        },
    ] {
        assert_eq!(size_report("explainer", empty), None, "{empty:?}");
    }
}

#[test]
fn the_ready_message_is_the_childs() {
    assert_eq!(CHILD_READY, "[iFrameResizerChild]Ready");
}

#[test]
fn malformed_and_foreign_messages_are_ignored() {
    let too_long = format!("[iFrameSizer]explainer:8:false:{}", "x".repeat(1024));
    let too_many_fields = format!("[iFrameSizer]explainer:8:false{}", ":".repeat(40));
    let long_id = V4_INIT.replace("explainer", &"x".repeat(129));
    for message in [
        "",
        "[iFrameSizer]",
        "[iFrameSizer]:8:false",
        "[iFrameSizer]explainer",
        "[iFrameSizer]explainer:8",
        "[iFrameSizer]explainer:8:maybe:false",
        "[iFrameSizer]explainer::false:false",
        "[iFrameSizer]explainer:-8:false:false",
        "[iFrameSizer]ex plainer:8:false:false",
        "[iFrameSizer]ex\u{0}plainer:8:false:false",
        "[iFrameSizer]explainer:2345:640:init",
        "[iFrameSizer]explainer:2345:640:size",
        "[iFrameSizer]resize:now",
        "[iFrameSizer]reset",
        "[iFrameSizer]message:{\"navigate\":\"javascript:alert(1)\"}",
        "[iFrameSizer]moveToAnchor:top",
        "[iFrameSizer]pageInfo:{}",
        "[iFrameResizerChild]Ready",
        "[iframesizer]explainer:8:false:false",
        " [iFrameSizer]explainer:8:false:false",
        "pymxPYMxexplainerxPYMxwidthxPYMx640",
        "[object Object]",
        &too_long,
        &too_many_fields,
        &long_id,
    ] {
        assert_eq!(parent_request(message), None, "{message:.60}");
    }
}

proptest! {
    #[test]
    fn any_message_is_read_safely(message in "(\\[iFrameSizer\\])?[ -~\u{0}-\u{1f}é]{0,1200}") {
        match parent_request(&message) {
            Some(ParentRequest::Init { frame_id }) => {
                let expected = format!("[iFrameSizer]{frame_id}:");
                prop_assert!(message.starts_with(&expected));
                prop_assert!(!frame_id.is_empty() && frame_id.len() <= 128);
                prop_assert!(frame_id.bytes().all(|b| b.is_ascii_graphic() && b != b':'));
            }
            Some(ParentRequest::Resize) => prop_assert_eq!(message, "[iFrameSizer]resize"),
            None => {}
        }
    }

    #[test]
    fn a_parents_init_is_answered_under_its_own_id(frame_id in "[!-9;-~]{1,128}", width in "true|false") {
        let init = format!("[iFrameSizer]{frame_id}:8:{width}:false:32:true:true:null:auto");
        prop_assert_eq!(parent_request(&init), Some(ParentRequest::Init { frame_id: &frame_id }));
        let reply = init_reply(&frame_id, SIZE);
        let expected = format!("[iFrameSizer]{frame_id}:2345:640:init:5.5.9");
        prop_assert_eq!(reply, expected);
    }
}
