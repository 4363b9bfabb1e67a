//! The registration's own screens: the details form (3) and the result (6). Its code and
//! password steps are the shared ones in `pages::steps`.

pub mod details;
pub mod done;
