package pipeline

import (
	"testing"

	"score/lexicons"
)

// stanceIn scores one stretch of text on the default topics and returns
// topic -> stance for the topics it names.
func stanceIn(t *testing.T, topics []topicMatcher, s string) map[string]stanceFound {
	t.Helper()
	out := map[string]stanceFound{}
	ws := stanceWords(s, 0, len(s))
	for _, tm := range topics {
		if f, ok := tm.stanceOf(ws); ok {
			out[tm.id] = f
		}
	}
	return out
}

func TestStanceOf(t *testing.T) {
	topics := newTopicMatchers(lexicons.Default().Topics)
	tests := []struct {
		text string
		want map[string]int
	}{
		// SPEC section 7 and issue 4.
		{"ruled out the deployment of U.S. troops", map[string]int{"us_troops": -1}},
		{"it will not accept any settlement that does not involve a full withdrawal of Russian forces and either NATO membership or strong security guarantees to prevent future aggression",
			map[string]int{"territory": +1, "nato_membership": +1}},
		{"Kyiv would need to abandon its pursuit of NATO membership and accept territorial concessions as part of a potential settlement",
			map[string]int{"nato_membership": -1, "territory": -1}},
		{"any peace deal should include additional territorial concessions from Kyiv, as well as Ukraine’s permanent neutrality",
			map[string]int{"territory": -1, "nato_membership": -1}},
		{"NATO membership for Ukraine might not be a realistic part of Washington’s peace plan", map[string]int{"nato_membership": -1}},
		{"Putin emphasized the need to address the root causes of the Ukraine conflict, which for Moscow includes preventing Ukraine from joining NATO", map[string]int{"nato_membership": -1}},
		{"Ukraine’s aspirations to regain its pre-2014 borders were unrealistic", map[string]int{"territory": -1}},
		{"We all want a sovereign and prosperous Ukraine. But we must acknowledge that reclaiming Ukraine’s borders from before 2014 is not a realistic objective", map[string]int{"territory": -1}},
		{"U.S. troops would not be deployed to Ukraine as part of such an agreement", map[string]int{"us_troops": -1}},
		{"the prospect of Ukraine joining NATO was unrealistic", map[string]int{"nato_membership": -1}},
		{"ruled out concessions over their territorial integrity", map[string]int{"territory": +1}},
		{"Zelensky insists on Ukraine's territorial integrity", map[string]int{"territory": +1}},
		{"Ukraine will pursue NATO membership", map[string]int{"nato_membership": +1}},
		{"Kyiv demands U.S. troops as a backstop", map[string]int{"us_troops": +1}},
		{"Ukraine can forget about joining NATO", map[string]int{"nato_membership": -1}},
		{"Russia demands Ukraine's neutrality", map[string]int{"nato_membership": -1}},
		{"there will be no territorial concessions", map[string]int{"territory": +1}},
		{"the difficulties in restoring Ukraine to its pre-2014 borders", map[string]int{"territory": -1}},
		// Mentions: a term with no cue.
		{"the talks touched on NATO membership", map[string]int{"nato_membership": 0}},
		{"Russia controls nearly 20% of Ukrainian territory", map[string]int{"territory": 0}},
	}
	for _, tt := range tests {
		got := stanceIn(t, topics, tt.text)
		if len(got) != len(tt.want) {
			t.Errorf("stance(%q) = %v, want %v", tt.text, got, tt.want)
			continue
		}
		for topic, w := range tt.want {
			if g, ok := got[topic]; !ok || g.stance != w {
				t.Errorf("stance(%q)[%s] = %+v, want %+d", tt.text, topic, g, w)
			}
		}
	}
}
