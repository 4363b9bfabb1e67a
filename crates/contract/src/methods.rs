//! Screen 2: who registers and how. Only a citizen with a mobile subscription continues
//! in this build; every other choice gets an honest note on what it needs.

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Subject {
    Citizen,
    Business,
    Organisation,
}
}

enumerated! {
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Method {
    Mobile,
    SocialInsurance,
    VnPost,
    UsbToken,
    SimSignature,
    PersonalSignature,
}
}

enumerated! {
/// Why a choice cannot continue here, or what is missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChoiceNote {
    ChooseSubject,
    ChooseMethod,
    MobileIsForCitizens,
    SocialInsuranceNeeds,
    VnPostNeeds,
    UsbTokenNeeds,
    SimSignatureNeeds,
    PersonalSignatureNeeds,
}
}

/// What "Tiếp tục" does for a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceOutcome {
    /// Citizen + mobile subscription: on to the details form.
    ContinueWithMobile,
    /// Anything else: stay, and explain.
    Explain(ChoiceNote),
}

pub fn outcome(subject: Option<Subject>, method: Option<Method>) -> ChoiceOutcome {
    use ChoiceOutcome::*;
    match (subject, method) {
        (None, _) => Explain(ChoiceNote::ChooseSubject),
        (_, None) => Explain(ChoiceNote::ChooseMethod),
        (Some(Subject::Citizen), Some(Method::Mobile)) => ContinueWithMobile,
        (Some(_), Some(Method::Mobile)) => Explain(ChoiceNote::MobileIsForCitizens),
        (Some(_), Some(other)) => Explain(match other {
            Method::SocialInsurance => ChoiceNote::SocialInsuranceNeeds,
            Method::VnPost => ChoiceNote::VnPostNeeds,
            Method::UsbToken => ChoiceNote::UsbTokenNeeds,
            Method::SimSignature => ChoiceNote::SimSignatureNeeds,
            Method::PersonalSignature | Method::Mobile => ChoiceNote::PersonalSignatureNeeds,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_citizen_with_mobile_continues() {
        for &s in Subject::ALL {
            for &m in Method::ALL {
                let continues = outcome(Some(s), Some(m)) == ChoiceOutcome::ContinueWithMobile;
                assert_eq!(
                    continues,
                    s == Subject::Citizen && m == Method::Mobile,
                    "{s:?} {m:?}"
                );
            }
        }
        assert_eq!(
            outcome(Some(Subject::Business), Some(Method::Mobile)),
            ChoiceOutcome::Explain(ChoiceNote::MobileIsForCitizens)
        );
        assert_eq!(
            outcome(Some(Subject::Citizen), Some(Method::UsbToken)),
            ChoiceOutcome::Explain(ChoiceNote::UsbTokenNeeds)
        );
        assert_eq!(
            outcome(None, None),
            ChoiceOutcome::Explain(ChoiceNote::ChooseSubject)
        );
        assert_eq!(
            outcome(Some(Subject::Citizen), None),
            ChoiceOutcome::Explain(ChoiceNote::ChooseMethod)
        );
    }
}
